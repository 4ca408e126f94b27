using System.Net;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Quotes;
using Microsoft.Data.Sqlite;

namespace MakerShop.EndToEnd.Tests.Storefront;

/// <summary>The checkout as a visitor without JavaScript posts it, against the real host: bad input gets a message on
/// its field and never an order; a repeated or tampered submission never makes a second order or a wrong charge.</summary>
public sealed class CheckoutTests : IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task A_german_postal_code_of_four_digits_is_refused_on_its_field_in_the_visitors_language_and_nothing_is_ordered()
    {
        foreach (var (language, expected) in new[] { ("en-GB", "is not a postal code of Germany"), ("fr-FR", "n'est pas un code postal valide (Allemagne") })
        {
            using var visitor = new StorefrontVisitor(shop, language);
            var email = $"bad-postcode-{language}@example.com";
            await visitor.AddProductAsync("calibration-cube", "PLA|black", 1);
            await visitor.GetAsync("/checkout");
            using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email, "1234"), .. visitor.CheckoutState()]);
            using var placed = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email, "1234"), .. visitor.CheckoutState()]);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, placed.StatusCode);
            Assert.Contains("data-testid=\"error-PostalCode\"", visitor.Html, StringComparison.Ordinal);
            Assert.Contains(expected, WebUtility.HtmlDecode(visitor.Html), StringComparison.Ordinal);
            Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
        }
    }

    [Fact]
    public async Task A_double_submitted_checkout_form_places_one_order_with_one_payment_and_one_link()
    {
        using var visitor = new StorefrontVisitor(shop);
        const string email = "double-click@example.com";
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 2);
        await visitor.GetAsync("/checkout");
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        List<KeyValuePair<string, string>> form = [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState(), new("__RequestVerificationToken", visitor.Hidden("__RequestVerificationToken"))];

        // Two clicks on their way at once, then a third after the first answer (a browser's "resend form").
        var clicks = await Task.WhenAll(visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false), visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false));
        using var again = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);

        var locations = clicks.Append(again).Select(r => r.Headers.Location?.ToString()).ToList();
        Assert.All(clicks.Append(again), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(locations.Distinct());
        Assert.StartsWith("/checkout/done/ord_", locations[0], StringComparison.Ordinal);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_email = '{email}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM order_links l JOIN orders o ON o.id = l.order_id WHERE o.customer_email = '{email}'"));
        foreach (var click in clicks)
        {
            click.Dispose();
        }

        // The order waits for its money: placed, not paid, nothing printing; the confirmation says how to pay.
        var orderId = locations[0]!.Split('/', '?')[3];
        Assert.Equal("Placed", await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"));
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}'"));
        using var confirmation = await visitor.GetAsync(locations[0]!);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Contains(await shop.TextAsync($"SELECT reference FROM payments WHERE order_id = '{orderId}'") ?? "?", visitor.Html, StringComparison.Ordinal);

        // The e-mail carries the private link, and the link opens the order page.
        // Mails name the order by the number the customer knows it by, not its internal id.
        var number = "MS-" + await shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'");
        var mail = Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "mail"), "*.eml")
            .Select(File.ReadAllText).Single(m => m.Contains(number, StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(mail, @"http://\S+/orders/" + number + @"\?key=\S+").Value;
        Assert.NotEmpty(link);
        using var orderPage = await visitor.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, orderPage.StatusCode);
        Assert.Contains("data-testid=\"charged-total\" data-minor=\"3029\"", visitor.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_total_is_never_charged_and_prices_posted_with_the_form_are_ignored()
    {
        using var visitor = new StorefrontVisitor(shop);
        const string email = "tamper@example.com";
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 2);
        await visitor.GetAsync("/checkout");
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        Assert.Equal("3029", visitor.Hidden("Form.ShownTotalMinor"));
        var tampered = visitor.CheckoutState("1");
        var antiforgery = new KeyValuePair<string, string>("__RequestVerificationToken", visitor.Hidden("__RequestVerificationToken"));

        using var noToken = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()], withAntiforgery: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        using var cheaper = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email), .. tampered, antiforgery], withAntiforgery: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cheaper.StatusCode);
        Assert.Contains("The total is now €30.29", WebUtility.HtmlDecode(visitor.Html), StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));

        // Goods 2 × €4.50, Colissimo to the EU (one 1 kg volumetric parcel) €16.45, German VAT 19 % on both: €30.29.
        using var placed = await visitor.PostAsync("/checkout?handler=Place",
            [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState(), new("Form.Goods", "0.01"), new("unitPrice", "0.01"), new("lines[0].unitPrice", "1"), new("Form.Total", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Equal(3029, await shop.CountAsync($"SELECT total_minor FROM orders WHERE customer_email = '{email}'"));
        Assert.Equal(900, await shop.CountAsync($"SELECT goods_minor FROM orders WHERE customer_email = '{email}'"));
        Assert.Equal(484, await shop.CountAsync($"SELECT tax_minor FROM orders WHERE customer_email = '{email}'"));
        Assert.Equal("IntraEuOss", await shop.TextAsync($"SELECT tax_regime FROM orders WHERE customer_email = '{email}'"));
        Assert.Equal(3029, await shop.CountAsync($"SELECT p.amount_minor FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_email = '{email}'"));

        // The owner's API shows the same breakdown.
        var order = await ShopApi.GetOrderAsync(shop.Http, placed.Headers.Location!.ToString().Split('/', '?')[3]);
        Assert.Equal("Placed", order["status"]!.GetValue<string>());
        Assert.Equal(1645, order["charges"]!["shipping"]!["minorUnits"]!.GetValue<long>());
        Assert.Equal(3029, order["charges"]!["total"]!["minorUnits"]!.GetValue<long>());

        // So does the owner's order page, with the regime the VAT return needs.
        var adminPage = await shop.Http.GetStringAsync($"/admin/orders/{order["id"]!.GetValue<string>()}");
        Assert.Contains("EU sale, OSS Germany 19 %", adminPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"admin-incoterm\">none", adminPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_quote_in_the_cart_is_said_to_be_expired_and_cannot_be_checked_out()
    {
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var (quoted, quote) = await QuoteUploads.PostAsync(shop.Http, QuoteUploads.CubeStl(12), "cube.stl", currency: "EUR");
        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        var quoteId = quote!["id"]!.GetValue<string>();
        using var visitor = new StorefrontVisitor(shop);
        const string email = "expired@example.com";
        await visitor.GetAsync($"/quotes/{quoteId}");
        using var added = await visitor.PostAsync("/cart?handler=Add", [new("itemId", "quote:" + quoteId), new("colour", "black"), new("quantity", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await visitor.GetAsync("/checkout");
        await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        var form = visitor.CheckoutState();

        // The quote's validity ends while the visitor hesitates.
        await ExpireAsync(quoteId);

        using var cart = await visitor.GetAsync("/cart");
        Assert.Contains("data-problem=\"QuoteExpired\"", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("This quote expired on", visitor.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"checkout\"", visitor.Html, StringComparison.Ordinal);

        await visitor.GetAsync("/checkout");
        using var placed = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email), .. form]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, placed.StatusCode);
        Assert.Contains("cannot be ordered (an expired quote, for example)", visitor.Html, StringComparison.Ordinal);
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
    }

    private async Task ExpireAsync(string quoteId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(shop.Settings.DataDirectory, "makershop.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE quotes SET expires_at = $at WHERE id = $id";
        // The store's own time format (ISO 8601 UTC, sortable as text).
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$id", quoteId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
