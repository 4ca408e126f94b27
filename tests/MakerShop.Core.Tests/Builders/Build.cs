namespace MakerShop.Core.Tests;

/// <summary>Valid aggregates with sensible defaults; each test overrides only what it is about.</summary>
internal static class Build
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string Sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static Address Address(string countryCode = "DE", string city = "Berlin") =>
        new("Ada Lovelace", "Unter den Linden 1", null, city, "10117", null, countryCode);

    public static OrderLine Line(int quantity = 1, Money? unitPrice = null, string material = "PLA", string colour = "black") =>
        new("prod-1", "Cable clip", material, colour, quantity, unitPrice ?? Money.FromMinor(1250, Currency.Eur));

    public static Order Order(string id = "ord_123", IReadOnlyList<OrderLine>? lines = null, OrderStatus status = OrderStatus.Placed)
    {
        var order = Core.Order.Place(
            id, "Ada Lovelace", "ada@example.com", Address(), Currency.Eur, lines ?? [Line()], express: false, T0, T0.AddDays(5));
        return status == OrderStatus.Placed
            ? order
            : Core.Order.Restore(
                order.Id, order.CustomerName, order.CustomerEmail, order.ShippingAddress, order.Currency, order.Lines,
                order.Total, order.Express, order.PlacedAt, order.ShipBy, status, T0);
    }

    public static PrintJob Job(
        string id = "job-1",
        string material = "PLA",
        string colour = "black",
        Size3? size = null,
        bool express = false,
        DateTimeOffset? shipBy = null,
        DateTimeOffset? queuedAt = null,
        int maxAttempts = 3) =>
        PrintJob.Create(
            id, "ord_123", 0, "prod-1", material, colour, size ?? new Size3(50, 40, 30), TimeSpan.FromHours(2),
            $"gcode/{id}.gcode", Sha, 123_456, shipBy ?? T0.AddDays(5), express, maxAttempts, queuedAt ?? T0);

    public static PrintJob JobIn(PrintJobStatus status, string id = "job-1")
    {
        var job = Job(id);
        return status == PrintJobStatus.Queued
            ? job
            : PrintJob.Restore(
                job.Id, job.OrderId, job.UnitIndex, job.ProductId, job.Material, job.Colour, job.PartSize,
                job.EstimatedPrintTime, job.GcodePath, job.GcodeSha256, job.GcodeSizeBytes, job.ShipBy, job.Express,
                job.Attempt, job.MaxAttempts, status, "printer-1", job.QueuedAt, null, null, null,
                status is PrintJobStatus.Printing or PrintJobStatus.Paused ? 0.25 : null, T0);
    }

    public static Printer Printer(
        string id = "printer-1",
        string material = "PLA",
        string colour = "black",
        Size3? volume = null,
        PrinterStatus status = PrinterStatus.Idle,
        bool inService = true,
        bool autoEject = false,
        string? currentJobId = null) =>
        Core.Printer.Restore(
            id, "Prusa " + id, PrinterKind.FirmwareBridge, volume ?? new Size3(250, 210, 210), 0.4, material, colour, "DE",
            autoEject, inService, status, currentJobId, null, T0, T0);
}
