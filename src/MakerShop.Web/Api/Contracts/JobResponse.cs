using MakerShop.Core;

namespace MakerShop.Web.Api.Contracts;

public sealed record JobResponse(
    string Id,
    string OrderId,
    int UnitIndex,
    string ProductId,
    string Material,
    string Colour,
    string Status,
    int Attempt,
    string? PrinterId,
    double? Progress,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? FailureReason,
    DateTimeOffset ShipBy,
    double EstimatedPrintMinutes,
    bool Express,
    string? PinnedPrinterId,
    bool Held,
    string? AssignmentReason)
{
    public static JobResponse From(PrintJob job) => new(
        job.Id, job.OrderId, job.UnitIndex, job.ProductId, job.Material, job.Colour, job.Status.ToString(), job.Attempt,
        job.PrinterId, job.Progress, job.QueuedAt, job.StartedAt, job.EndedAt, job.FailureReason, job.ShipBy,
        Math.Round(job.EstimatedPrintTime.TotalMinutes, 1), job.Express, job.PinnedPrinterId, job.Held, job.AssignmentReason);
}
