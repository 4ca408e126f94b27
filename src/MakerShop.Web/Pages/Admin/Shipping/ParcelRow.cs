using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Web.Pages.Admin.Shipping;

/// <summary>One parcel as its form shows it: the values the owner typed (kept when refused) and the parts' weight.</summary>
public sealed record ParcelRow(int Number, string Weight, string Length, string Width, string Height, double PartsGrams)
{
    public static ParcelRow From(Parcel parcel)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        return new(parcel.Number, Show(parcel.WeightGrams), Show(parcel.Dimensions.X), Show(parcel.Dimensions.Y), Show(parcel.Dimensions.Z), parcel.Items.Sum(i => i.NetWeightGrams));
    }

    // Whole grams and millimetres for people, however the packing rules computed them.
    private static string Show(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.CurrentCulture);
}
