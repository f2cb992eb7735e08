using System.Collections.Concurrent;
using Parley.Store;

namespace Parley.Serve;

/// <summary>
/// SqliteStore is one connection and not thread-safe: readers rent an idle store (WAL lets them read while
/// ingest writes), the one writer is used under a lock.
/// </summary>
sealed class StorePool : IDisposable
{
    const int MaxIdle = 8;
    readonly string _path;
    readonly ConcurrentBag<SqliteStore> _idle = [];
    readonly Lock _writeLock = new();
    SqliteStore? _writer;
    bool _disposed;

    public StorePool(string path)
    {
        _path = path;
        _idle.Add(SqliteStore.Open(path)); // fails early on a bad path or schema
    }

    public T Read<T>(Func<SqliteStore, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var store = _idle.TryTake(out var s) ? s : SqliteStore.Open(_path);
        try
        {
            return read(store);
        }
        finally
        {
            if (_disposed || _idle.Count >= MaxIdle) store.Dispose();
            else _idle.Add(store);
        }
    }

    public T Write<T>(Func<SqliteStore, T> write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_writeLock)
        {
            _writer ??= SqliteStore.Open(_path);
            try
            {
                return write(_writer);
            }
            finally
            {
                _writer.Flush();
            }
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_idle.TryTake(out var s)) s.Dispose();
        lock (_writeLock) _writer?.Dispose();
    }
}
