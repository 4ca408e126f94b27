using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.Stl;

/// <summary>
/// Reads a binary STL into a <see cref="MeshAnalyzer"/> in chunks. A large model is read in two stages on two
/// threads: one reads the file and measures and hashes each chunk, the other welds the chunk before it. Chunks are
/// handed over in file order, so vertex numbering, sums and errors come out exactly as in one thread. Three chunk
/// buffers go round; nothing grows with the file.
/// </summary>
internal static class BinaryFacetPipeline
{
    private const int ChunkTriangles = 16_384;

    // Below this the second thread costs more than it saves.
    private const long TwoThreadsFrom = 65_536;

    public static void Read(Stream stream, long count, MeshAnalyzer analyzer)
    {
        if (count < TwoThreadsFrom || Environment.ProcessorCount < 2)
        {
            var bytes = new byte[(int)Math.Min(count, ChunkTriangles) * BinaryStlReader.TriangleBytes];
            var prepared = new PreparedFacets(ChunkTriangles);
            for (long done = 0; done < count; done += ChunkTriangles)
            {
                var chunk = ReadChunk(stream, bytes, done, count);
                analyzer.MeasureFacets(chunk, BinaryStlReader.TriangleBytes, done, prepared);
                analyzer.ConnectFacets(prepared);
            }

            return;
        }

        ReadOnTwoThreads(stream, count, analyzer);
    }

    private static void ReadOnTwoThreads(Stream stream, long count, MeshAnalyzer analyzer)
    {
        using var free = new BlockingCollection<PreparedFacets>();
        using var ready = new BlockingCollection<PreparedFacets>();
        for (var i = 0; i < 3; i++)
        {
            free.Add(new PreparedFacets(ChunkTriangles));
        }

        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? readerFailure = null;
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var bytes = new byte[ChunkTriangles * BinaryStlReader.TriangleBytes];
                    for (long done = 0; done < count; done += ChunkTriangles)
                    {
                        var prepared = free.Take(stop.Token);
                        analyzer.MeasureFacets(ReadChunk(stream, bytes, done, count), BinaryStlReader.TriangleBytes, done, prepared);
                        ready.Add(prepared, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // The welding side gave up first and reports why.
                }
                catch (Exception e)
                {
                    readerFailure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    ready.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var prepared in ready.GetConsumingEnumerable())
            {
                analyzer.ConnectFacets(prepared);
                free.Add(prepared);
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }

        readerFailure?.Throw();
    }

    private static ReadOnlySpan<byte> ReadChunk(Stream stream, byte[] buffer, long done, long count)
    {
        var bytes = (int)Math.Min(ChunkTriangles, count - done) * BinaryStlReader.TriangleBytes;
        var read = stream.ReadAtLeast(buffer.AsSpan(0, bytes), bytes, throwOnEndOfStream: false);
        if (read < bytes)
        {
            throw new ModelFormatException(ModelProblem.Truncated,
                $"The binary STL is truncated: it ends inside triangle {done + read / BinaryStlReader.TriangleBytes + 1:N0} of {count:N0}.");
        }

        return buffer.AsSpan(0, bytes);
    }
}
