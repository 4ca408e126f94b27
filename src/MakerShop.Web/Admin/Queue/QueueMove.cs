namespace MakerShop.Web.Admin.Queue;

public enum QueueMove
{
    Up,
    Down,
}
