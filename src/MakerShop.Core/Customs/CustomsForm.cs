namespace MakerShop.Core;

/// <summary>The UPU postal customs forms: CN 22 for light, low-value items, CN 23 for everything else.</summary>
public enum CustomsForm
{
    CN22,
    CN23,
}
