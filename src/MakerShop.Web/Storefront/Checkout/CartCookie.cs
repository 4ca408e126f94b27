using System.Text;
using System.Text.Json;
using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// The cart lives in a cookie, so it survives a reload and needs no JavaScript and no account. It holds choices only
/// (item, material, colour, quantity): every price is computed again on the server, so editing the cookie can change
/// what is in the cart but never what it costs.
/// </summary>
public static class CartCookie
{
    public const string Name = "makershop.cart";
    public const int MaxLines = 30;

    /// <summary>What a cookie may say at all; the shop's own order limits (<see cref="OrderLimits"/>) are checked on top.</summary>
    public const int MaxQuantity = 10000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CartItem> Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[Name] is not { Length: > 0 } value)
        {
            return [];
        }

        try
        {
            var items = JsonSerializer.Deserialize<List<CartItem>>(Encoding.UTF8.GetString(Convert.FromBase64String(value)), Json) ?? [];
            return [.. items.Where(IsSane).Take(MaxLines)];
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            // A cookie that is not ours (or was edited into garbage) is an empty cart, not an error page.
            return [];
        }
    }

    public static void Write(HttpContext context, IReadOnlyList<CartItem> items)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            context.Response.Cookies.Delete(Name);
            return;
        }

        var value = Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(items.Take(MaxLines), Json)));
        context.Response.Cookies.Append(Name, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddDays(30),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        });
    }

    /// <summary>Adds a choice; the same item in the same material and colour adds to the quantity already there.</summary>
    public static IReadOnlyList<CartItem> Add(IReadOnlyList<CartItem> items, CartItem added, int maxQuantity)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(added);
        var list = items.ToList();
        var index = list.FindIndex(i => i.SameChoice(added));
        if (index >= 0)
        {
            list[index] = list[index] with { Quantity = Math.Min(maxQuantity, list[index].Quantity + added.Quantity) };
        }
        else if (list.Count < MaxLines)
        {
            list.Add(added);
        }

        return list;
    }

    private static bool IsSane(CartItem? item) =>
        item is { ItemId.Length: > 0 and <= 200, Material.Length: <= 50, Colour.Length: > 0 and <= 50, Quantity: >= 1 and <= MaxQuantity };
}
