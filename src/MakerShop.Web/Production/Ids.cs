namespace MakerShop.Web.Production;

/// <summary>Time-ordered ids with a readable prefix (ord_, job_, cmd_), so logs and URLs say what they point at.</summary>
public static class Ids
{
    public static string NewOrderId() => "ord_" + Guid.CreateVersion7().ToString("N");

    public static string NewJobId() => "job_" + Guid.CreateVersion7().ToString("N");

    public static string NewCommandId() => "cmd_" + Guid.CreateVersion7().ToString("N");
}
