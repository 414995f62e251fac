using Consultancy.Application.Domain;
using Consultancy.Application.StrategyCalls;
using System.Security.Claims;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Tests.Support;

/// <summary>Bookable consultants and valid booking forms; tests change only what they are about.</summary>
public static class BookingBuilder
{
    private static int _next;

    /// <summary>Opens the consultant's booking page: weekdays 09:00–12:00 and 13:00–17:00 in their zone, 30-minute calls.</summary>
    public static async Task OpenBookingAsync(this IServiceProvider services, TestUser consultant, string slug, Action<UpdateAvailability>? change = null)
    {
        var form = await services.SendAsAsync(consultant, new GetAvailabilityForEdit(null));
        form.IsBookable = true;
        form.Slug = slug;
        form.PublicName = $"Advisor {slug}";
        form.MeetingLink = $"https://meet.consultancy.test/{slug}";
        change?.Invoke(form);
        await services.SendAsAsync(consultant, form);
    }

    public static Task OpenBookingAsync(this ApplicationHarness app, TestUser consultant, string slug, Action<UpdateAvailability>? change = null) =>
        app.Services.OpenBookingAsync(consultant, slug, change);

    /// <summary>Sends a request through the app's own MediatR pipeline as a signed-in staff member.</summary>
    public static async Task<T> SendAsAsync<T>(this IServiceProvider services, TestUser user, IRequest<T> request)
    {
        await using var scope = services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, user.Role.ToString())], "Test")),
            RequestServices = scope.ServiceProvider,
        };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    public static BookCall NewBooking(string slug, DateTime startUtc, string firstName = "Priya", string? email = null) => new()
    {
        Slug = slug,
        StartUtc = startUtc,
        TimeZoneId = "Asia/Kolkata",
        FirstName = firstName,
        LastName = "Sharma",
        Email = email ?? $"{firstName}.sharma.{Interlocked.Increment(ref _next)}@applicant.test".ToLowerInvariant(),
        Phone = "+91 98765 43210",
        TargetSystem = TargetSystem.ErasNrmp,
        MedicalSchoolCountry = "India",
        GraduationYear = 2022,
        Topic = "Which internal medicine programs are IMG-friendly, and when to take Step 2 CK.",
    };
}
