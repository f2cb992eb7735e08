using Parley.Core;

namespace Parley.Text;

// SHELL: replaced by the text-cleaning helper.
public sealed class SentenceSplitter
{
    public static SentenceSplitter Load() => new();
    public List<TextSpan> Split(string text) => throw new NotImplementedException();
}
