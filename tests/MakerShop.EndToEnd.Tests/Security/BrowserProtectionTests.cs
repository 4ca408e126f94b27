using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>
/// Issue 19, item 8: no page can be framed by another site, every response carries the usual security headers, and a
/// change made with the owner's session cookie must come from the shop's own origin.
/// </summary>
public sealed partial class BrowserProtectionTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private TestShop shop = null!;
    private HttpClient owner = null!;
    private string origin = null!;

    public async Task InitializeAsync()
    {
        shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        origin = shop.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        owner = await SignInAsync();
    }

    public async Task DisposeAsync()
    {
        owner.Dispose();
        await shop.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/api/products")]
    [InlineData("/assets/css/site.css")]
    [InlineData("/api/orders/ord_nope")]
    public async Task Every_response_forbids_framing_and_sniffing(string path)
    {
        using var response = await owner.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_page_is_served_to_the_signed_in_owner_with_the_headers()
    {
        using var response = await owner.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task A_cross_origin_cookie_POST_to_the_admin_API_is_refused_403_and_changes_nothing()
    {
        using var crossSite = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: "https://evil.example");
        using var nullOrigin = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: "null");
        using var noOrigin = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: null);
        using var foreignReferer = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: null, referer: "https://evil.example/page");

        Assert.All([crossSite, nullOrigin, noOrigin, foreignReferer], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        var problem = JsonNode.Parse(await crossSite.Content.ReadAsStringAsync())!;
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Equal("application/problem+json", crossSite.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_same_origin_cookie_POST_reaches_the_admin_API()
    {
        using var sameOrigin = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: origin);
        using var sameReferer = await PostWithCookieAsync("/api/admin/jobs/job_nope/cancel", origin: null, referer: origin + "/admin/queue");

        // The job does not exist: the request got past the guard and was answered by the endpoint itself.
        Assert.Equal(HttpStatusCode.NotFound, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sameReferer.StatusCode);
    }

    [Fact]
    public async Task The_owner_key_without_a_cookie_needs_no_origin()
    {
        using var response = await shop.Http.PostAsync("/api/admin/jobs/job_nope/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_request_that_also_carries_the_owner_key_header_is_not_a_cross_site_forgery()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/jobs/job_nope/cancel");
        request.Headers.Add(MakerShop.Web.Payments.OwnerKeyOptions.HeaderName, TestShopSettings.OwnerKey);

        using var response = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private async Task<HttpResponseMessage> PostWithCookieAsync(string path, string? origin, string? referer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        return await owner.SendAsync(request);
    }

    // Signs in through the real form (antiforgery token and all), so the client holds the session cookie as a browser would.
    private async Task<HttpClient> SignInAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = shop.Http.BaseAddress };
        var form = await client.GetStringAsync("/account/sign-in");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = OwnerEmail,
                ["password"] = OwnerPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.TryAddWithoutValidation("Origin", origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
