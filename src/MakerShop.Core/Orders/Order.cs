namespace MakerShop.Core;

/// <summary>
/// A customer's order. Status moves only through the methods below, each of which refuses an illegal move
/// with an <see cref="InvalidTransitionException"/>; the store persists the result before anything acts on it.
/// </summary>
public sealed class Order
{
    private const string Entity = "Order";

    private static readonly OrderStatus[] CancellableFrom = [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.InProduction];

    // Cancelled counts as refundable without checking it was paid: refunding an unpaid order is a no-money
    // bookkeeping step, and tracking "was it paid" separately is not worth the extra state yet.
    private static readonly OrderStatus[] RefundableFrom =
        [OrderStatus.Paid, OrderStatus.InProduction, OrderStatus.Produced, OrderStatus.Cancelled];

    private Order(
        string id,
        string customerName,
        string customerEmail,
        Address shippingAddress,
        Currency currency,
        IReadOnlyList<OrderLine> lines,
        Money total,
        bool express,
        DateTimeOffset placedAt,
        DateTimeOffset shipBy,
        OrderStatus status,
        DateTimeOffset updatedAt,
        OrderCharges? charges)
    {
        Id = id;
        CustomerName = customerName;
        CustomerEmail = customerEmail;
        ShippingAddress = shippingAddress;
        Currency = currency;
        Lines = lines;
        Total = total;
        Express = express;
        PlacedAt = placedAt;
        ShipBy = shipBy;
        Status = status;
        UpdatedAt = updatedAt;
        Charges = charges;
    }

    /// <summary>States in which the order still needs the shop to do something.</summary>
    public static OrderStatus[] OpenStates =>
        [OrderStatus.Placed, OrderStatus.Paid, OrderStatus.InProduction, OrderStatus.Produced, OrderStatus.Shipped];

    /// <summary>States nothing moves out of, except a Cancelled order being refunded.</summary>
    public static OrderStatus[] ClosedStates => [OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    public string Id { get; }

    public string CustomerName { get; }

    public string CustomerEmail { get; }

    public Address ShippingAddress { get; }

    public Currency Currency { get; }

    public IReadOnlyList<OrderLine> Lines { get; }

    /// <summary>What the customer pays: the landed total when the order came through checkout, else the lines' sum.</summary>
    public Money Total { get; }

    /// <summary>The checkout's breakdown (goods, shipping, tax, duties); null for orders placed without one (the API).</summary>
    public OrderCharges? Charges { get; }

    public bool Express { get; }

    public DateTimeOffset PlacedAt { get; }

    public DateTimeOffset ShipBy { get; }

    public OrderStatus Status { get; private set; }

    /// <summary>The shop's sequence number for people ("MS-1042" shows it with the prefix); null until the order is stored.</summary>
    public long? Number { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => Status is not (OrderStatus.Delivered or OrderStatus.Cancelled or OrderStatus.Refunded);

    public int UnitCount => Lines.Sum(line => line.Quantity);

    public static Order Place(
        string id,
        string customerName,
        string customerEmail,
        Address shippingAddress,
        Currency currency,
        IReadOnlyList<OrderLine> lines,
        bool express,
        DateTimeOffset placedAt,
        DateTimeOffset shipBy,
        OrderCharges? charges = null,
        OrderLimits? limits = null)
    {
        limits ??= OrderLimits.Default;
        Guard.NotBlank(id, "id", "The order id");
        Guard.NotBlank(customerName, "customer.name", "The customer's name");
        InputLimits.Require(customerName.Trim(), InputLimits.NameLength, "customer.name", "The customer's name");
        InputLimits.Require(customerEmail?.Trim(), InputLimits.EmailLength, "customer.email", "The e-mail address");
        if (string.IsNullOrWhiteSpace(customerEmail) || !IsPlausibleEmail(customerEmail.Trim()))
        {
            throw new DomainValidationException("customer.email", $"'{customerEmail}' is not an email address.");
        }

        Address.Validate(shippingAddress);
        if (currency is null)
        {
            throw new DomainValidationException("currency", "A currency is required.");
        }

        if (lines is null || lines.Count == 0)
        {
            throw new DomainValidationException("lines", "An order needs at least one line.");
        }

        limits.CheckLineCount(lines.Count);
        var total = Money.Zero(currency);
        long units = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            total += ValidateLine(lines[i], i, currency, limits);
            units += lines[i].Quantity;
        }

        limits.CheckUnits(units);

        if (shipBy <= placedAt)
        {
            throw new DomainValidationException("shipBy", "The ship-by date must be after the order is placed.");
        }

        charges?.Validate(currency, total);
        return new Order(
            id, customerName.Trim(), customerEmail.Trim(), shippingAddress, currency, [.. lines], charges?.Total ?? total,
            express, placedAt, shipBy, OrderStatus.Placed, placedAt, charges);
    }

    /// <summary>Rebuilds an order from storage as it was saved; no rule is re-checked.</summary>
    public static Order Restore(
        string id,
        string customerName,
        string customerEmail,
        Address shippingAddress,
        Currency currency,
        IReadOnlyList<OrderLine> lines,
        Money total,
        bool express,
        DateTimeOffset placedAt,
        DateTimeOffset shipBy,
        OrderStatus status,
        DateTimeOffset updatedAt,
        OrderCharges? charges = null,
        long? number = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new Order(
            id, customerName, customerEmail, shippingAddress, currency, [.. lines], total,
            express, placedAt, shipBy, status, updatedAt, charges) { Number = number };
    }

    /// <summary>Gives the order its number as it is stored; a number is given once and never changes.</summary>
    public void AssignNumber(long number)
    {
        if (Number is not null)
        {
            throw new InvalidOperationException($"Order {Id} already has number {Number}; it cannot become {number}.");
        }

        if (number is < 1 or > OrderNumber.MaxValue)
        {
            throw new DomainValidationException("number", $"An order number runs from 1 to {OrderNumber.MaxValue}; {number} is outside.");
        }

        Number = number;
    }

    public bool CanTransitionTo(OrderStatus target) => target switch
    {
        OrderStatus.Paid => Status == OrderStatus.Placed,
        OrderStatus.InProduction => Status == OrderStatus.Paid,
        OrderStatus.Produced => Status == OrderStatus.InProduction,
        OrderStatus.Shipped => Status == OrderStatus.Produced,
        OrderStatus.Delivered => Status == OrderStatus.Shipped,
        OrderStatus.Cancelled => Array.IndexOf(CancellableFrom, Status) >= 0,
        OrderStatus.Refunded => Array.IndexOf(RefundableFrom, Status) >= 0,
        _ => false,
    };

    public void MarkPaid(DateTimeOffset at) => MoveTo(OrderStatus.Paid, at);

    public void StartProduction(DateTimeOffset at) => MoveTo(OrderStatus.InProduction, at);

    public void MarkProduced(DateTimeOffset at) => MoveTo(OrderStatus.Produced, at);

    public void MarkShipped(DateTimeOffset at) => MoveTo(OrderStatus.Shipped, at);

    public void MarkDelivered(DateTimeOffset at) => MoveTo(OrderStatus.Delivered, at);

    public void Cancel(DateTimeOffset at) => MoveTo(OrderStatus.Cancelled, at);

    public void Refund(DateTimeOffset at) => MoveTo(OrderStatus.Refunded, at);

    private void MoveTo(OrderStatus target, DateTimeOffset at)
    {
        if (!CanTransitionTo(target))
        {
            throw new InvalidTransitionException(Entity, Id, Status.ToString(), target.ToString());
        }

        Status = target;
        UpdatedAt = at;
    }

    private static Money ValidateLine(OrderLine? line, int index, Currency currency, OrderLimits limits)
    {
        var field = $"lines[{index}]";
        if (line is null)
        {
            throw new DomainValidationException(field, "An order line is required.");
        }

        Guard.NotBlank(line.ProductId, $"{field}.productId", "The product");
        Guard.NotBlank(line.Material, $"{field}.material", "The material");
        Guard.NotBlank(line.Colour, $"{field}.colour", "The colour");
        limits.CheckQuantity(line.Quantity, $"{field}.quantity");

        if (line.UnitPrice.Currency != currency)
        {
            throw new DomainValidationException(
                $"{field}.unitPrice",
                $"The unit price must be in {currency.Code}, the order's currency (got {line.UnitPrice.Currency?.Code ?? "none"}).");
        }

        if (line.UnitPrice.IsNegative)
        {
            throw new DomainValidationException($"{field}.unitPrice", "The unit price cannot be negative.");
        }

        return line.LineTotal;
    }

    // Deliverability is proven by sending mail, not by a regex; this only catches obvious typos.
    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }
}
