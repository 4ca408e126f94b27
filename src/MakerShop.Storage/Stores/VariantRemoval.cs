namespace MakerShop.Storage.Stores;

/// <summary>What removing a variant did: removed, not there, or refused because it was the last one.</summary>
public enum VariantRemoval
{
    Removed,
    NotFound,
    LastVariant,
}
