using System.Net;
using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Storefront;

/// <summary>A browser without JavaScript, as far as forms go: keeps cookies, reads the antiforgery token and the hidden
/// fields of the page it was last shown, posts forms and does not follow redirects (tests look at them).</summary>
public sealed partial class StorefrontVisitor : IDisposable
{
    private readonly HttpClient http;

    public StorefrontVisitor(TestShop shop, string acceptLanguage = "en-IE,en;q=0.8")
    {
        ArgumentNullException.ThrowIfNull(shop);
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = shop.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
    }

    public string Html { get; private set; } = "";

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Posts a form as the last page would: its antiforgery token and the named hidden fields, plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, bool withAntiforgery = true, string? host = null)
    {
        var form = new List<KeyValuePair<string, string>>(fields);
        if (withAntiforgery)
        {
            form.Add(new("__RequestVerificationToken", Hidden("__RequestVerificationToken")));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        var response = await http.SendAsync(request);
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>The value of the page's first hidden input with this name.</summary>
    public string Hidden(string name)
    {
        var match = Regex.Match(Html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"");
        Assert.True(match.Success, $"The page has no hidden field {name}: {Html[..Math.Min(Html.Length, 3000)]}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Puts a catalog product in the cart as its page's form does.</summary>
    public async Task AddProductAsync(string productId, string variant, int quantity)
    {
        await GetAsync($"/products/{productId}");
        using var added = await PostAsync("/cart?handler=Add", [new("itemId", productId), new("variant", variant), new("quantity", quantity.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    /// <summary>The checkout fields for a German customer, as a visitor fills them in.</summary>
    public static List<KeyValuePair<string, string>> GermanCustomer(string email, string postalCode = "10115") =>
    [
        new("Form.Name", "Ada Muster"),
        new("Form.Email", email),
        new("Form.Country", "DE"),
        new("Form.Line1", "Hauptstraße 1"),
        new("Form.City", "Berlin"),
        new("Form.PostalCode", postalCode),
        new("Form.PaymentMethod", "bank-transfer"),
    ];

    /// <summary>The fields the checkout page carries itself: its token, the shipping option chosen and the total it shows.</summary>
    public List<KeyValuePair<string, string>> CheckoutState(string? shownTotal = null) =>
    [
        new("Form.Token", Hidden("Form.Token")),
        new("Form.ShownTotalMinor", shownTotal ?? Hidden("Form.ShownTotalMinor")),
        new("Form.ShownCurrency", Hidden("Form.ShownCurrency")),
        new("Form.Shipping", "colissimo"),
    ];

    public void Dispose() => http.Dispose();
}
