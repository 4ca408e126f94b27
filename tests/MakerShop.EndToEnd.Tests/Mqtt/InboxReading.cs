using System.Threading.Channels;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>Reads an inbox up to and including the first message that matches, within the tests' timeout.</summary>
internal static class InboxReading
{
    public static async Task<IReadOnlyList<T>> ReadUntilAsync<T>(this ChannelReader<T> reader, Func<T, bool> last)
    {
        var seen = new List<T>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var message = await reader.ReadAsync(timeout.Token);
            seen.Add(message);
            if (last(message))
            {
                return seen;
            }
        }
    }
}
