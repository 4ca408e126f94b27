using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Options;

public sealed class DemoFleetOptions
{
    [Range(0, 64)]
    public int Count { get; set; } = 4;

    /// <summary>60 means a one-hour print finishes in one minute.</summary>
    [Range(1, 100_000)]
    public double TimeScale { get; set; } = 60;
}
