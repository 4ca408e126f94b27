using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MakerShop.Web.Localization;

/// <summary>Puts <see cref="CultureNumberModelBinder"/> in front of MVC's own for double, float and decimal (and their nullables).</summary>
public sealed class CultureNumberModelBinderProvider : IModelBinderProvider
{
    private static readonly CultureNumberModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? Binder : null;
    }
}
