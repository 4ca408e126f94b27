using MakerShop.Contracts.Devices;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>The resources and credentials the matrix seeded into its shop.</summary>
public sealed record MatrixSeed
{
    public required string CustomerOrderId { get; init; }

    public required string OrderKey { get; init; }

    public required string TransferReference { get; init; }

    public required string SpareOrderId { get; init; }

    public required string SpareJobId { get; init; }

    public required string ShipmentId { get; init; }

    public required string ShipmentOrderId { get; init; }

    public required string QuoteId { get; init; }

    public required string SpoolId { get; init; }

    public required MakerSide MakerA { get; init; }

    public required MakerSide MakerB { get; init; }

    public required string OwnerSession { get; init; }

    public required string MakerASession { get; init; }

    /// <summary>The value a route parameter gets for a caller on maker A's side (<paramref name="other"/> false) or maker B's.</summary>
    public string Value(Seed seed, bool other) => seed switch
    {
        Seed.CustomerOrder => CustomerOrderId,
        Seed.SpareOrder => SpareOrderId,
        Seed.SpareJob => SpareJobId,
        Seed.Printer => (other ? MakerB : MakerA).Printer.PrinterId,
        Seed.Job => (other ? MakerB : MakerA).JobId,
        Seed.Product => "calibration-cube",
        Seed.Quote => QuoteId,
        Seed.Shipment => ShipmentId,
        Seed.ShipmentOrder => ShipmentOrderId,
        Seed.Spool => SpoolId,
        Seed.TransferReference => TransferReference,
        Seed.Refund => "rfd_matrix_none",
        Seed.WebhookProvider => "easypost",
        Seed.OpenApiDocument => "v1",
        Seed.WebhookEndpoint => "whe_matrix_none",
        _ => throw new ArgumentOutOfRangeException(nameof(seed), seed, null),
    };

    /// <summary>One maker's printer (its device credentials) and the job printing on it.</summary>
    public sealed record MakerSide(string MakerId, DeviceCredentials Printer, string JobId);
}
