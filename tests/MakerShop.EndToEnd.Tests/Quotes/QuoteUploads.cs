using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;

namespace MakerShop.EndToEnd.Tests.Quotes;

/// <summary>Models to upload and the multipart request a browser's upload form sends.</summary>
public static class QuoteUploads
{
    /// <summary>A closed cube as binary STL, with real normals (as CAD exports write them).</summary>
    public static byte[] CubeStl(float size) => BoxStl(size, size, size);

    /// <summary>A closed box of the given sides as binary STL.</summary>
    public static byte[] BoxStl(float x, float y, float z)
    {
        var size = new Vector3(x, y, z);
        Vector3[] corners = [new(0, 0, 0), new(1, 0, 0), new(1, 1, 0), new(0, 1, 0), new(0, 0, 1), new(1, 0, 1), new(1, 1, 1), new(0, 1, 1)];
        int[] faces = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7];
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes("cube".PadRight(80)));
            writer.Write((uint)(faces.Length / 3));
            for (var i = 0; i < faces.Length; i += 3)
            {
                var a = corners[faces[i]] * size;
                var b = corners[faces[i + 1]] * size;
                var c = corners[faces[i + 2]] * size;
                foreach (var v in new[] { Vector3.Normalize(Vector3.Cross(b - a, c - a)), a, b, c })
                {
                    writer.Write(v.X);
                    writer.Write(v.Y);
                    writer.Write(v.Z);
                }

                writer.Write((ushort)0);
            }
        }

        return memory.ToArray();
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(HttpClient http, byte[] model, string fileName, string? material = null, string? currency = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(model);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (material is not null)
        {
            form.Add(new StringContent(material), "material");
        }

        if (currency is not null)
        {
            form.Add(new StringContent(currency), "currency");
        }

        var response = await http.PostAsync("/api/quotes", form);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    public static JsonObject OrderFromQuote(string quoteId, string currency = "EUR", string colour = "black", int quantity = 1) => new()
    {
        ["customer"] = new JsonObject { ["name"] = "Grace Hopper", ["email"] = "grace@example.com" },
        ["shippingAddress"] = new JsonObject
        {
            ["name"] = "Grace Hopper",
            ["line1"] = "1 Navy Yard",
            ["city"] = "Lyon",
            ["postalCode"] = "69001",
            ["countryCode"] = "FR",
        },
        ["currency"] = currency,
        ["lines"] = new JsonArray(new JsonObject { ["quoteId"] = quoteId, ["quantity"] = quantity, ["colour"] = colour }),
    };
}
