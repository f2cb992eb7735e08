namespace Parley.Ingest.Sources;

// SHELL: replaced by the readers helper.
public sealed class InputReader
{
    public IEnumerable<RawDocument> Read(IEnumerable<string> inputs) => throw new NotImplementedException();
}
