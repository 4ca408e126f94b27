namespace MakerShop.Web.Makers;

/// <summary>The job on a printer in people's words: the part, and whose order it is for.</summary>
public sealed record FleetJob(string Id, string PartName, string Material, string Colour, string OrderId, string CustomerName)
{
    /// <summary>"MS-1042": the order as people know it.</summary>
    public string OrderNumber { get; init; } = OrderId;
}
