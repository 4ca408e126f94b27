using System.Net;
using System.Net.Sockets;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>
/// The real PrusaSlicer behind a gate the test opens: each run marks that it started (so the test sees which quotes hold
/// a slicing slot) and waits for the gate before it execs prusa-slicer with the same arguments.
/// </summary>
public sealed class GatedSlicer : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("makershop-gated-slicer-");

    public GatedSlicer(bool open = false)
    {
        Command = Path.Combine(_folder.FullName, "slicer.sh");
        File.WriteAllText(Command,
            $"#!/bin/sh\ntouch '{_folder.FullName}/started-'$$\nwhile [ ! -e '{GatePath}' ]; do sleep 0.05; done\nexec prusa-slicer \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Command, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (open)
        {
            Open();
        }
    }

    /// <summary>The script to set as MakerShop:Slicing:SlicerCommand.</summary>
    public string Command { get; }

    /// <summary>Runs of the slicer started so far (waiting at the gate or through it).</summary>
    public int Started => _folder.GetFiles("started-*").Length;

    private string GatePath => Path.Combine(_folder.FullName, "open");

    public void Open() => File.WriteAllText(GatePath, "");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A client that connects from another loopback address, so the shop sees a second customer.</summary>
    public static HttpClient ClientFrom(string sourceAddress, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };

        // Slices queue behind one another here: a client waits minutes on a busy machine, not the default 30 s.
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }
}
