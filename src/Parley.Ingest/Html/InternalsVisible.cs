using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Parley.Ingest.Tests")]
