namespace MakerShop.Contracts.Mqtt;

public enum JobOutcomeKind
{
    Completed,
    Failed,
    Cancelled,
}
