using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>What the owner does on an admin printer page, the same way in every test that drives one.</summary>
internal static class PrinterPageSteps
{
    /// <summary>Ticks the command's confirmation box and sends it (the page's own confirm dialog is the test's to accept).</summary>
    public static async Task ConfirmAsync(IPage page, string action)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.Locator($"form.action:has(button[data-action={action}])");
        await form.Locator("input[name=confirm]").CheckAsync();
        await form.Locator("button").ClickAsync();
    }
}
