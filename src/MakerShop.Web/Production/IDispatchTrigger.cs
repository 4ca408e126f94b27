namespace MakerShop.Web.Production;

/// <summary>Asks for a dispatch pass now, e.g. because a job was queued or a printer became free.</summary>
public interface IDispatchTrigger
{
    Task RequestDispatchAsync(CancellationToken cancellationToken = default);
}
