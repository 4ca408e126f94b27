using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MakerShop.Bench.Storefront;

/// <summary>Places one order through the API and gives it a private link, the way checkout does, by writing the
/// token's hash into the host's database.</summary>
internal static class OrderPageSeeder
{
    public static async Task<string> CreateAsync(HttpClient http, string databaseFile, CancellationToken cancellationToken)
    {
        var body = new
        {
            customer = new { name = "Bench", email = "bench@example.com" },
            shippingAddress = new { name = "Bench", line1 = "1 Rue de la Paix", city = "Paris", postalCode = "75002", countryCode = "FR" },
            currency = "EUR",
            lines = new[] { new { productId = "calibration-cube", quantity = 3, material = "PLA", colour = "black" } },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var orderId = json.RootElement.GetProperty("id").GetString()!;

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO order_links (token_hash, order_id, created_at) VALUES ($hash, $order, $at)";
        command.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        command.Parameters.AddWithValue("$order", orderId);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return $"orders/{orderId}?key={token}";
    }
}
