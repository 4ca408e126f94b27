using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// People read an order by its short number: a customer checks out and sees "MS-…" on the confirmation and the order
/// page, the owner finds it by that number on /admin/orders and opens "Order MS-…"; no internal id and no enum name
/// reaches any of those pages.
/// </summary>
public sealed partial class OrderNumberBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";

    [Fact]
    public async Task A_storefront_order_is_shown_by_its_number_to_the_customer_and_the_owner_and_never_by_its_id_or_an_enum()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Payments:ConfirmOnPlacement=false"] });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);

        // The customer checks out a catalogue part to France, paying by bank transfer.
        var customer = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-IE,en;q=0.9");
        await customer.GotoAsync("/products/calibration-cube");
        await customer.SelectOptionAsync("select[name=currency]", "EUR");
        await Assertions.Expect(customer.Locator("select[name=currency]")).ToHaveValueAsync("EUR");
        await customer.ClickAsync("[data-testid=add-to-cart] [data-testid=add]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/cart$"));
        await customer.ClickAsync("[data-testid=checkout]");
        await customer.FillAsync("[data-testid=field-Name]", "Jean Dupont");
        await customer.FillAsync("[data-testid=field-Email]", "jean@example.com");
        await customer.FillAsync("[data-testid=field-Line1]", "12 rue de la Paix");
        await customer.FillAsync("[data-testid=field-PostalCode]", "75002");
        await customer.FillAsync("[data-testid=field-City]", "Paris");
        await customer.SelectOptionAsync("[data-testid=field-Country]", "FR");
        await Assertions.Expect(customer.Locator("[data-testid=total]")).ToHaveAttributeAsync("data-currency", "EUR");
        await ChromiumBrowser.ScreenshotAsync(customer, "order-number-01-checkout");
        await customer.ClickAsync("[data-testid=place-order]");

        // The confirmation names the order by its number; the number is the one the shop stored, in sequence.
        await Assertions.Expect(customer.Locator("[data-testid=confirmation] h1")).ToContainTextAsync(new Regex(@"MS-\d+"));
        var number = await customer.Locator("[data-testid=confirmation]").GetAttributeAsync("data-number") ?? "";
        var orderId = await customer.Locator("[data-testid=confirmation]").GetAttributeAsync("data-order") ?? "";
        Assert.Matches(@"^MS-\d+$", number);
        Assert.Equal(number, "MS-" + await shop.CountAsync($"SELECT number FROM orders WHERE id = '{orderId}'"));
        await Assertions.Expect(customer.Locator("[data-testid=confirmation] h1")).ToContainTextAsync(number);
        await AssertPeopleWordsAsync(customer);
        await ChromiumBrowser.ScreenshotAsync(customer, "order-number-02-confirmation");

        // The private link names the order by its number too, and opens the order page under it.
        await Assertions.Expect(customer.Locator("[data-testid=order-link]")).ToContainTextAsync($"/orders/{number}?key=");
        await customer.ClickAsync("[data-testid=order-link]");
        await Assertions.Expect(customer.Locator("[data-testid=order] h1")).ToContainTextAsync(number);
        await Assertions.Expect(customer.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", nameof(OrderStatus.Placed));
        await Assertions.Expect(customer.Locator("[data-testid=order-status]")).ToHaveTextAsync("Awaiting payment");
        await AssertPeopleWordsAsync(customer);
        await ChromiumBrowser.ScreenshotAsync(customer, "order-number-03-order-page");

        // The id link of before still opens the same page.
        var key = new Uri(customer.Url).Query;
        await customer.GotoAsync($"/orders/{orderId}{key}");
        await Assertions.Expect(customer.Locator("[data-testid=order] h1")).ToContainTextAsync(number);

        // The owner finds the order by its number, typed as people type it.
        var owner = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-GB,en;q=0.9");
        await owner.GotoAsync("/account/sign-in?returnUrl=%2Fadmin%2Forders");
        await owner.FillAsync("input[name=email]", OwnerEmail);
        await owner.FillAsync("input[name=password]", OwnerPassword);
        await owner.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(owner.Locator($"[data-testid=orders] tr[data-number='{number}']")).ToContainTextAsync("Awaiting payment");
        await AssertPeopleWordsAsync(owner);
        await ChromiumBrowser.ScreenshotAsync(owner, "order-number-04-admin-orders");

        await owner.FillAsync("[data-testid=order-search]", number.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await owner.ClickAsync("form.filters button[type=submit]");
        await Assertions.Expect(owner.Locator("[data-testid=orders] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(owner.Locator("[data-testid=orders] tbody tr")).ToHaveAttributeAsync("data-number", number);
        await ChromiumBrowser.ScreenshotAsync(owner, "order-number-05-admin-search-by-number");

        await owner.ClickAsync($"[data-testid=orders] a:text-is('{number}')");
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex($"/admin/orders/{number}$"));
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync($"Order {number}");
        await Assertions.Expect(owner.Locator("[data-testid=order-status]")).ToHaveTextAsync("Awaiting payment");
        await Assertions.Expect(owner.Locator("[data-testid=payments]")).ToContainTextAsync("Bank transfer");
        await Assertions.Expect(owner.Locator("[data-testid=timeline]")).ToContainTextAsync("Order placed");
        await AssertPeopleWordsAsync(owner);
        await ChromiumBrowser.ScreenshotAsync(owner, "order-number-06-admin-order");

        // On a phone, neither admin page is wider than the screen.
        await owner.SetViewportSizeAsync(390, 844);
        await ChromiumBrowser.ScreenshotAsync(owner, "order-number-07-admin-order-phone-390");
        Assert.True(await owner.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The order page is wider than a 390 px phone.");
        await owner.GotoAsync("/admin/orders");
        await ChromiumBrowser.ScreenshotAsync(owner, "order-number-08-admin-orders-phone-390");
        Assert.True(await owner.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The order list is wider than a 390 px phone.");

        // The id link of before still opens the owner's page too.
        await owner.GotoAsync($"/admin/orders/{orderId}");
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync($"Order {number}");
    }

    /// <summary>The page's visible text holds no internal id ("ord_…") and no enum name ("InProduction", "IntraEuOss").</summary>
    private static async Task AssertPeopleWordsAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("ord_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("job_", text, StringComparison.Ordinal);
        Assert.DoesNotContain("bank-transfer", text, StringComparison.Ordinal);
        var enumNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(OrderStatus), typeof(PrintJobStatus), typeof(PrinterStatus), typeof(ShipmentStatus), typeof(PaymentStatus), typeof(RefundStatus), typeof(TaxRegime) })
        {
            enumNames.UnionWith(Enum.GetNames(type));
        }

        // Compound names (InProduction, NeedsBedClear, IntraEuOss) cannot be ordinary words, so any of them on the page is a leak.
        var leaked = Word().Matches(text).Select(m => m.Value).Where(w => enumNames.Contains(w) && HasInnerCapital().IsMatch(w)).Distinct().ToList();
        Assert.True(leaked.Count == 0, $"Enum names on {page.Url}: {string.Join(", ", leaked)}");
    }

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Z][a-z]+[A-Z]")]
    private static partial Regex HasInnerCapital();
}
