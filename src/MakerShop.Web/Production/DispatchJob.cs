using Quartz;

namespace MakerShop.Web.Production;

/// <summary>The dispatcher's Quartz job: on its interval, and at once whenever <see cref="QuartzDispatchTrigger"/> fires it.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchJob(Dispatcher dispatcher, QuartzDispatchTrigger trigger) : IJob
{
    public static readonly JobKey Key = new("dispatch", "production");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        trigger.MarkStarted();
        try
        {
            await dispatcher.DispatchAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Quartz would only log it; say what failed and let the next trigger try again.
            throw new JobExecutionException("The dispatch pass failed; the next pass will retry.", ex);
        }
    }
}
