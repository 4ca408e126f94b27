namespace MakerShop.Web.Options;

public enum SchedulingPolicyKind
{
    ShipOnTime,
    Fifo,
}
