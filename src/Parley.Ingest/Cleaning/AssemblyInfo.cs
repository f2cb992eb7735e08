using System.Runtime.CompilerServices;

// the cleaner tests check the line-shape rules directly
[assembly: InternalsVisibleTo("Parley.Ingest.Tests")]
