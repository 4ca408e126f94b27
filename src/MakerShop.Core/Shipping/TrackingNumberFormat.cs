namespace MakerShop.Core;

/// <summary>The numbering schemes whose check digit the shop can verify offline (fulfilment.md §4.3).</summary>
public enum TrackingNumberFormat
{
    /// <summary>UPU S10, international postal items: 2 letters, 8-digit serial, check digit, issuing country.</summary>
    UpuS10,

    /// <summary>UPS "1Z" numbers: 18 characters, mod 10 with letters mapped to digits.</summary>
    Ups,

    /// <summary>USPS IMpb / legacy: 20 to 22 or 26 digits, mod 10 with weights 3,1 from the right; a 420 + ZIP routing prefix may precede a 22-digit IMpb.</summary>
    Usps,

    /// <summary>FedEx Express 12 digits (weights 3,1,7, mod 11 mod 10), Ground 15 digits (mod 10, weights 1,3) or Ground "96" 22 digits (mod 10 over the 14-digit package number).</summary>
    FedEx,

    /// <summary>DHL Express waybill: 10 or 11 digits, check = the digits before it as a number mod 7.</summary>
    DhlExpress,
}
