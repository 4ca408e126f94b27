using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace MakerShop.Web.Localization;

/// <summary>
/// Binds double, float and decimal handler parameters through <see cref="CultureNumber"/>: MVC's own binder reads form
/// values in the request's culture only, so a French page refused the "0.4" a browser's number input sends.
/// </summary>
public sealed class CultureNumberModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var result = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (result == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, result);
        var text = result.FirstValue;
        var type = Nullable.GetUnderlyingType(bindingContext.ModelType) ?? bindingContext.ModelType;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (type != bindingContext.ModelType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        if (!CultureNumber.TryParse(text, CultureInfo.CurrentCulture, out decimal value))
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, $"'{text}' is not a number.");
            return Task.CompletedTask;
        }

        object boxed = type == typeof(decimal) ? value : type == typeof(float) ? (float)value : (double)value;
        bindingContext.Result = ModelBindingResult.Success(boxed);
        return Task.CompletedTask;
    }
}
