namespace MakerShop.Web.Shipping;

/// <summary>What a fulfilment-desk action ended in; the page turns each case into a message.</summary>
public enum DeskResult
{
    Done,
    NotFound,

    /// <summary>The shipment moved on meanwhile (labelled, already handed over).</summary>
    Conflict,
}
