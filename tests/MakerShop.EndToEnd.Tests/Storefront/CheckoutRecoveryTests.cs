using System.Net;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using Microsoft.Data.Sqlite;

namespace MakerShop.EndToEnd.Tests.Storefront;

/// <summary>What happens after the order is stored when things go wrong: a request that dies before its e-mail, a card
/// redirect that is lost, a stale form with an old token, a forged Host header.</summary>
public sealed class CheckoutRecoveryTests
{
    [Fact]
    public async Task A_request_that_died_right_after_commit_still_gets_exactly_one_confirmation_mail_when_the_form_comes_again()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var visitor = new StorefrontVisitor(shop);
        const string email = "aborted@example.com";
        var form = await ReviewedFormAsync(visitor, email);
        using var first = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var orderId = first.Headers.Location!.ToString().Split('/', '?')[3];
        Assert.Single(MailsFor(shop, orderId));

        // The state a request aborted between commit and e-mail leaves behind: the order stored, its confirmation due, no mail.
        foreach (var file in MailsFor(shop, orderId))
        {
            File.Delete(file);
        }

        await ExecuteAsync(shop, $"UPDATE order_confirmations SET claimed_at = NULL WHERE order_id = '{orderId}'");

        using var again = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        using var third = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);

        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.Location, third.Headers.Location);
        Assert.Single(MailsFor(shop, orderId));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
    }

    [Fact]
    public async Task A_card_order_whose_redirect_was_lost_can_be_paid_from_its_confirmation_page_and_after_a_cancel()
    {
        await using var stripe = await FakeStripeCheckoutSessions.StartAsync();
        await using var shop = await TestShop.StartAsync(StripeSettings(stripe));
        using var visitor = new StorefrontVisitor(shop);
        const string email = "lost-redirect@example.com";
        var form = await ReviewedFormAsync(visitor, email, "stripe");
        using var placed = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_1", placed.Headers.Location?.ToString());
        var session = Assert.Single(stripe.Sessions);

        // The browser never followed that redirect; sending the form again starts the same session, not a second one.
        using var replay = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_1", replay.Headers.Location?.ToString());

        // Stripe's cancel lands on the confirmation page, which offers to pay by card; paying starts the same session.
        Assert.Contains("/checkout/done/ord_", session.CancelUrl, StringComparison.Ordinal);
        using var cancelled = await visitor.GetAsync(new Uri(session.CancelUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Contains("data-testid=\"card-cancelled\"", visitor.Html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pay-by-card\"", visitor.Html, StringComparison.Ordinal);
        using var pay = await visitor.PostAsync(new Uri(session.SuccessUrl).PathAndQuery.Replace("?key=", "?handler=Pay&key=", StringComparison.Ordinal), []);
        Assert.Equal(HttpStatusCode.Redirect, pay.StatusCode);
        Assert.Equal("https://checkout.stripe.test/c/pay/cs_test_1", pay.Headers.Location?.ToString());
        Assert.All(stripe.Sessions, s => Assert.Equal("cs_test_1", s.Id));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.customer_email = '{email}'"));
    }

    [Fact]
    public async Task A_stale_form_with_an_old_token_is_asked_to_review_and_keeps_the_changed_cart()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var visitor = new StorefrontVisitor(shop);
        const string email = "stale@example.com";
        var form = await ReviewedFormAsync(visitor, email);
        using var first = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // A new cart, then the old form (back button, another tab) is sent again with its old token.
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 5);
        using var stale = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains("This checkout form has expired", WebUtility.HtmlDecode(visitor.Html), StringComparison.Ordinal);
        Assert.NotEqual(form.Single(f => f.Key == "Form.Token").Value, visitor.Hidden("Form.Token"));
        using var cart = await visitor.GetAsync("/cart");
        Assert.Contains("data-testid=\"checkout\"", visitor.Html, StringComparison.Ordinal);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
    }

    [Fact]
    public async Task A_forged_host_header_never_reaches_the_confirmation_mail_when_the_public_address_is_configured()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Shop:PublicBaseUrl=https://shop.example.com/"],
        });
        using var visitor = new StorefrontVisitor(shop);
        const string email = "forged-host@example.com";
        var form = await ReviewedFormAsync(visitor, email);
        using var placed = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false, host: "evil.example.net");

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var orderId = placed.Headers.Location!.ToString().Split('/', '?')[3];
        var mail = File.ReadAllText(Assert.Single(MailsFor(shop, orderId)));
        var number = "MS-" + await shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'");
        Assert.Contains($"https://shop.example.com/orders/{number}?key=", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example.net", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_vat_rate_is_said_as_the_shops_configuration_problem_and_never_a_500()
    {
        // Germany's current rate (third entry of config/makershop.json) ends before today: no German VAT rate is configured.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Tax:VatRates:2:To=2022-01-01"] });
        using var visitor = new StorefrontVisitor(shop);
        const string email = "no-vat-rate@example.com";
        var form = await ReviewedFormAsync(visitor, email);
        Assert.Contains("the shop's tax settings are incomplete", WebUtility.HtmlDecode(visitor.Html), StringComparison.Ordinal);
        Assert.DoesNotContain("We cannot sell to this country", WebUtility.HtmlDecode(visitor.Html), StringComparison.Ordinal);

        using var placed = await visitor.PostAsync("/checkout?handler=Place", form, withAntiforgery: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, placed.StatusCode);
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE customer_email = '{email}'"));
    }

    [Fact]
    public async Task A_quoted_part_in_a_colour_the_quote_page_does_not_offer_is_refused_at_the_cart()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var (quoted, quote) = await Quotes.QuoteUploads.PostAsync(shop.Http, Quotes.QuoteUploads.CubeStl(12), "cube.stl", currency: "EUR");
        Assert.Equal(HttpStatusCode.Created, quoted.StatusCode);
        var quoteId = quote!["id"]!.GetValue<string>();
        using var visitor = new StorefrontVisitor(shop);
        await visitor.GetAsync($"/quotes/{quoteId}");

        using var refused = await visitor.PostAsync("/cart?handler=Add", [new("itemId", "quote:" + quoteId), new("colour", "chartreuse"), new("quantity", "1")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("colour", visitor.Html, StringComparison.Ordinal);
        using var empty = await visitor.GetAsync("/cart");
        Assert.DoesNotContain("data-testid=\"checkout\"", visitor.Html, StringComparison.Ordinal);

        await visitor.GetAsync($"/quotes/{quoteId}");
        using var added = await visitor.PostAsync("/cart?handler=Add", [new("itemId", "quote:" + quoteId), new("colour", "blue"), new("quantity", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
    }

    [Fact]
    public async Task The_shipping_service_chosen_at_checkout_is_stored_with_the_order_as_carrier_and_service()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var visitor = new StorefrontVisitor(shop);
        const string email = "shipping-choice@example.com";
        await ReviewedFormAsync(visitor, email);
        var options = System.Text.RegularExpressions.Regex.Matches(visitor.Html, "name=\"Form.Shipping\" value=\"([^\"]+)\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.Contains(":", o, StringComparison.Ordinal));
        Assert.Equal(options.Count, options.Distinct().Count());

        // The last (dearest) option, reviewed so its total is the one shown, then placed.
        var chosen = options[^1];
        List<KeyValuePair<string, string>> review = [.. StorefrontVisitor.GermanCustomer(email), new("Form.Token", visitor.Hidden("Form.Token")), new("Form.Shipping", chosen),
            new("Form.ShownTotalMinor", visitor.Hidden("Form.ShownTotalMinor")), new("Form.ShownCurrency", visitor.Hidden("Form.ShownCurrency"))];
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", review);
        using var placed = await visitor.PostAsync("/checkout?handler=Place", [.. StorefrontVisitor.GermanCustomer(email), new("Form.Token", visitor.Hidden("Form.Token")), new("Form.Shipping", chosen),
            new("Form.ShownTotalMinor", visitor.Hidden("Form.ShownTotalMinor")), new("Form.ShownCurrency", visitor.Hidden("Form.ShownCurrency"))]);

        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var orderId = placed.Headers.Location!.ToString().Split('/', '?')[3];
        Assert.Equal(chosen, await shop.TextAsync($"SELECT carrier || ':' || service FROM order_shipping_choices WHERE order_id = '{orderId}'"));
        Assert.Equal(chosen.Split(':', 2)[1], await shop.TextAsync($"SELECT shipping_service FROM orders WHERE id = '{orderId}'"));
    }

    private static async Task<List<KeyValuePair<string, string>>> ReviewedFormAsync(StorefrontVisitor visitor, string email, string method = "bank-transfer")
    {
        await visitor.AddProductAsync("calibration-cube", "PLA|black", 2);
        await visitor.GetAsync("/checkout");
        using var reviewed = await visitor.PostAsync("/checkout?handler=Review", [.. StorefrontVisitor.GermanCustomer(email), .. visitor.CheckoutState()]);
        return [.. StorefrontVisitor.GermanCustomer(email).Where(f => f.Key != "Form.PaymentMethod"), new("Form.PaymentMethod", method), .. visitor.CheckoutState(),
            new("__RequestVerificationToken", visitor.Hidden("__RequestVerificationToken"))];
    }

    private static TestShopSettings StripeSettings(FakeStripeCheckoutSessions stripe) => TestShopSettings.CreateTemporary() with
    {
        ExtraArgs =
        [
            "--MakerShop:Payments:Stripe:SecretKey=sk_test_makershop",
            $"--MakerShop:Payments:Stripe:WebhookSecret={StripeEvents.WebhookSecret}",
            $"--MakerShop:Payments:Stripe:ApiBase={stripe.BaseUrl}",
        ],
    };

    /// <summary>The mails about this order, found by the number they name it by ("MS-1001"), not its internal id.</summary>
    private static string[] MailsFor(TestShop shop, string orderId)
    {
        var folder = Path.Combine(shop.Settings.DataDirectory, "mail");
        var number = "MS-" + shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'").GetAwaiter().GetResult();
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), System.Text.RegularExpressions.Regex.Escape(number) + @"\b"))]
            : [];
    }

    private static async Task ExecuteAsync(TestShop shop, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(shop.Settings.DataDirectory, "makershop.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
