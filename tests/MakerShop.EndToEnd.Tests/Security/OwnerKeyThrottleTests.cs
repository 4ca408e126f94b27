using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Payments;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>Owner-key guesses on the API: each wrong key is logged and audited, and after 3 an address gets 429.</summary>
public sealed class OwnerKeyThrottleTests : IAsyncLifetime
{
    private TestShop _shop = null!;

    public async Task InitializeAsync() =>
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Owner:FailuresPerWindow=3"] });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task After_three_wrong_owner_keys_an_address_gets_429_with_Retry_After_even_with_the_right_key()
    {
        using var guesser = From("127.0.0.1");
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetPrintersAsync(guesser, $"guess-{i}");
            guesses.Add(response.StatusCode);
        }

        using var throttled = await GetPrintersAsync(guesser, "guess-4");
        using var rightKeyWhileBlocked = await GetPrintersAsync(guesser, TestShopSettings.OwnerKey);
        using var otherAddress = From("127.0.0.2");
        using var rightKeyElsewhere = await GetPrintersAsync(otherAddress, TestShopSettings.OwnerKey);

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!;
        Assert.Equal(429, (int)problem["status"]!);
        Assert.Contains("owner keys", (string)problem["title"]!, StringComparison.Ordinal);
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(300));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightKeyWhileBlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rightKeyElsewhere.StatusCode);

        // Audited and logged once per wrong key, never the key itself; the throttled ones are not compared, so not audited.
        Assert.Equal(3, await _shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'OwnerKeyRejected'"));
        var log = ShopLog.Read(_shop);
        Assert.Equal(3, ShopLog.Lines(_shop, "Rejected an owner key from 127.0.0.1").Count);
        Assert.Single(ShopLog.Lines(_shop, "Owner keys from 127.0.0.1 are refused unchecked"));
        Assert.DoesNotContain("guess-1", log, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> GetPrintersAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/printers");
        request.Headers.Add(OwnerKeyOptions.HeaderName, key);
        return await client.SendAsync(request);
    }

    /// <summary>A client whose connections come from the given loopback address, as a second machine's would.</summary>
    private HttpClient From(string address)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
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
        return new HttpClient(handler) { BaseAddress = _shop.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }
}
