using MakerShop.Core;

namespace MakerShop.Web.Shipping;

/// <summary>What asking for a label ended in; the endpoint turns each case into a response or a ProblemDetails.</summary>
public abstract record LabelResult
{
    public sealed record Labelled(Shipment Shipment) : LabelResult;

    public sealed record NotFound(string ShipmentId) : LabelResult;

    public sealed record Invalid(string Field, string Message) : LabelResult;

    public sealed record Conflict(string Message) : LabelResult;

    public sealed record ProviderRefused(string Message, int? StatusCode) : LabelResult;
}
