using Quartz;

namespace MakerShop.Web.Production;

/// <summary>Runs the command outbox on its interval.</summary>
[DisallowConcurrentExecution]
public sealed class CommandResendJob(CommandResender resender) : IJob
{
    public static readonly JobKey Key = new("command-resend", "production");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await resender.ResendDueAsync(cancellationToken);
    }
}
