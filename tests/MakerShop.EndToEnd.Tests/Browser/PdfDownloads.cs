using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>A PDF the person downloads by clicking, kept beside the screenshots and read back as text.</summary>
public static class PdfDownloads
{
    public static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        var file = Path.Combine(ChromiumBrowser.ScreenshotDir, "..", "documents", download.SuggestedFilename);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8), $"{download.SuggestedFilename} is not a PDF");
        return bytes;
    }

    public static async Task<string> DownloadTextAsync(IPage page, string selector)
    {
        using var pdf = PdfDocument.Open(await DownloadAsync(page, selector));
        return string.Join('\n', pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))));
    }
}
