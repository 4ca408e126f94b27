namespace MakerShop.Core;

/// <summary>Where one unit of an order stands, in the customer's terms rather than the farm's.</summary>
public enum PartPhase
{
    Waiting,
    Preparing,
    Printing,
    Paused,
    Reprinting,
    Printed,
    Failed,
    Cancelled,
}
