using MakerShop.Core;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Production;

/// <summary>The shop's order numbers as people read and type them, with the configured prefix.</summary>
public sealed class OrderNumbers(IOptions<OrderNumberOptions> options, MakerShop.Storage.Stores.OrderStore orders)
{
    public long FirstNumber => options.Value.FirstNumber;

    /// <summary>"MS-1042"; an order stored without a number (none should be) falls back to its id.</summary>
    public string Format(long? number, string orderId) =>
        number is { } value ? OrderNumber.Create(options.Value.Prefix, value).ToString() : orderId;

    public string Format(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Format(order.Number, order.Id);
    }

    /// <summary>The sequence number in what a person typed ("MS-1042", "ms1042", "1042"), or null.</summary>
    public long? Parse(string? text) =>
        OrderNumber.TryParse(text, options.Value.Prefix, out var number) ? number.Value : null;

    /// <summary>
    /// The internal id for what a person used to open an order: its number ("MS-1042") or, as before, its id. An id is
    /// returned as given (the caller's look-up says whether it exists); a number the shop never gave is null.
    /// </summary>
    public async Task<string?> ResolveAsync(string? idOrNumber, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(idOrNumber))
        {
            return null;
        }

        return Parse(idOrNumber) is { } number
            ? await orders.FindIdByNumberAsync(number, cancellationToken)
            : idOrNumber;
    }

    /// <summary>"MS-1042" for each of these order ids, read in one query; an id with no number maps to itself.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FormatManyAsync(IEnumerable<string?> orderIds, CancellationToken cancellationToken = default)
    {
        var ids = orderIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = await orders.NumbersAsync(ids, cancellationToken);
        return ids.ToDictionary(id => id, id => Format(found.TryGetValue(id, out var n) ? n : null, id), StringComparer.Ordinal);
    }
}
