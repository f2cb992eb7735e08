using System.IO.Compression;
using System.Text;

namespace Parley.Ingest.Tests.Sources;

/// <summary>A scratch directory for generated fixtures, deleted afterwards.</summary>
sealed class TempDir : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("parley-src-").FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text, Encoding? encoding = null) =>
        WriteBytes(relative, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string WriteGzip(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var fs = File.Create(path);
        using var gz = new GZipStream(fs, CompressionLevel.Optimal);
        gz.Write(Encoding.UTF8.GetBytes(text));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
