namespace MakerShop.Web.Admin.Orders;

/// <summary>What a cancel did: nothing (the order was already cancelled), or how many jobs it cancelled and printers it stopped.</summary>
public sealed record OrderCancellationOutcome(bool Changed, int JobsCancelled, int PrintersStopped);
