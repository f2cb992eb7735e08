namespace Parley.Ingest.Sources;

/// <summary>Limits and hooks for <see cref="InputReader"/>.</summary>
public sealed class InputReaderOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>Largest single item (a .txt/.html file, a stdin document, one JSONL line) in bytes.</summary>
    public long MaxItemBytes { get; init; } = 32 * MiB;

    /// <summary>Most bytes one .gz file may decompress to before reading it stops with an error.</summary>
    public long MaxDecompressedBytes { get; init; } = 4096 * MiB;

    /// <summary>Decompressed:compressed ratio above which a .gz file counts as a gzip bomb ...</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>... once it has decompressed past this many bytes (small, highly repetitive files are fine).</summary>
    public long CompressionRatioCheckAfterBytes { get; init; } = 64 * MiB;

    /// <summary>What "-" reads; null means the process's standard input.</summary>
    public Stream? Stdin { get; init; }
}
