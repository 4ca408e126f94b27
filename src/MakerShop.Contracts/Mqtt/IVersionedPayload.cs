namespace MakerShop.Contracts.Mqtt;

/// <summary>Every contract payload carries the schema version it was written with.</summary>
public interface IVersionedPayload
{
    int SchemaVersion { get; }
}
