using MakerShop.FirmwareBridge.Gcode;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>A <see cref="GcodeLink"/> over a <see cref="ScriptedMarlin"/>, started and past the firmware's "start".</summary>
internal sealed class ScriptedLink : IAsyncDisposable
{
    private ScriptedLink(ScriptedMarlin marlin, GcodeLink link)
    {
        Marlin = marlin;
        Link = link;
    }

    public ScriptedMarlin Marlin { get; }

    public GcodeLink Link { get; }

    public static async Task<ScriptedLink> StartAsync(ScriptedMarlin marlin, GcodeLinkOptions? options = null)
    {
        var connection = await marlin.OpenAsync().WaitAsync(Await.Timeout);
        var link = new GcodeLink(connection, options ?? new GcodeLinkOptions(), TimeProvider.System, NullLogger<GcodeLink>.Instance);
        link.Start();
        Assert.True(await link.WaitForStartAsync(TimeSpan.FromSeconds(5)).WaitAsync(Await.Timeout));
        return new ScriptedLink(marlin, link);
    }

    /// <summary>"G1 X1 F6000" … "G1 X{count} F6000": every line distinct, so a duplicate or a gap shows.</summary>
    public static string[] Moves(int count) => [.. Enumerable.Range(1, count).Select(i => FormattableString.Invariant($"G1 X{i} F6000"))];

    public ValueTask DisposeAsync() => Link.DisposeAsync();
}
