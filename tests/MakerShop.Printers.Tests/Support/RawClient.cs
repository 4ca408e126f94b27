using System.Net.Http.Headers;
using System.Text;

namespace MakerShop.Printers.Tests.Support;

/// <summary>Plain HTTP requests, for checking that the fakes refuse what the real servers refuse.</summary>
internal static class RawClient
{
    public static HttpClient For(Uri baseUrl, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public static MultipartFormDataContent Upload(string fileField, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, fileField, fileName);
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
