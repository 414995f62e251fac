using System.Reflection;
using Consultancy.Application.Common.Behaviours;
using Consultancy.Application.Domain;
using Consultancy.Application.Letters;
using Consultancy.Application.Outbox;
using Consultancy.Application.Playbooks;
using Consultancy.Application.Reminders;
using Consultancy.Application.StrategyCalls;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Consultancy.Application;

public static class DependencyInjection
{
    private static readonly Assembly Self = typeof(DependencyInjection).Assembly;

    /// <summary>
    /// MediatR 5.1.0 ships no container integration: handlers (and the kinds of email) are found by scanning this assembly and
    /// behaviours run in the order they are registered here (outermost first).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (service, implementation) in ClosedImplementationsOf(typeof(IRequestHandler<,>)))
            services.AddTransient(service, implementation);
        foreach (var (service, implementation) in ClosedImplementationsOf(typeof(IValidator<>)))
            services.AddTransient(service, implementation);
        foreach (var kind in Self.GetTypes().Where(type => !type.IsAbstract && type.IsSubclassOf(typeof(OutboxEmail))))
        {
            // As itself (the digest is also written when it is queued) and as one of every kind the dispatcher looks up.
            services.AddScoped(kind);
            services.AddScoped(provider => (OutboxEmail)provider.GetRequiredService(kind));
        }
        services.AddScoped<EmailKinds>();

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(TimingBehaviour<,>));

        services.AddScoped<ReminderPlanner>();
        services.AddScoped<Security.SecurityLog>();
        services.AddScoped<PlaybookApplication>();
        services.AddScoped<BookableSlots>();
        services.AddScoped<BookingCalendar>();
        services.AddScoped<CallEmailPlanner>();
        services.AddScoped<LetterFollowUpPlanner>();
        services.AddScoped<LetterStatusChanges>();
        services.AddScoped<ProgramApplications.InterviewPlanner>();
        services.AddScoped<Clients.Import.ClientImportPlanner>();
        services.AddScoped<Programs.Import.ProgramImportPlanner>();
        services.AddAutoMapper(_ => { }, Self);
        return services;
    }

    private static IEnumerable<(Type Service, Type Implementation)> ClosedImplementationsOf(Type openInterface) =>
        from type in Self.GetTypes()
        where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == openInterface
        select (service, type);
}
