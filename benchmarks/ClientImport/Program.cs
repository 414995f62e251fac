// Times a 10,000-row client import through the real use cases (preview, then the all-or-nothing import)
// on a fresh SQLite file, as a consultant: first as new clients, then the same file with every phone number
// changed, as updates (the same file unchanged would only be compared, not written).
// Usage: dotnet run -c Release --project benchmarks/ClientImport -- [rows] [rounds]
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Consultancy.Application;
using Consultancy.Application.Clients.Import;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var rows = args.Length > 0 ? int.Parse(args[0]) : 10_000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var csv = ImportFile(rows, "+91 98");
var changed = ImportFile(rows, "+91 97");
Console.WriteLine($"Client import of {rows:N0} rows ({csv.Length / 1024.0 / 1024.0:0.0} MB, all {Consultancy.Application.Clients.ClientCsv.Headers.Count()} columns), {rounds} round(s), each on a fresh database.");
Console.WriteLine();
Console.WriteLine("| round | preview (new) | import (new) | preview (update) | import (update) |");
Console.WriteLine("|---|---|---|---|---|");
for (var round = 1; round <= rounds; round++)
{
    var directory = Directory.CreateTempSubdirectory("consultancy-import-bench-");
    try
    {
        await using var services = await StartAsync(directory.FullName);
        var consultant = await CreateConsultantAsync(services);
        var previewNew = await TimeAsync(services, consultant, new PreviewClientImport(new MemoryStream(csv)), p => p.AddCount == rows);
        var importNew = await TimeAsync(services, consultant, new ImportClients(new MemoryStream(csv)), r => r.Added == rows);
        var previewUpdate = await TimeAsync(services, consultant, new PreviewClientImport(new MemoryStream(changed)), p => p.UpdateCount == rows);
        var importUpdate = await TimeAsync(services, consultant, new ImportClients(new MemoryStream(changed)), r => r.Updated == rows);
        Console.WriteLine($"| {round} | {previewNew:0.00} s | {importNew:0.00} s | {previewUpdate:0.00} s | {importUpdate:0.00} s |");
    }
    finally
    {
        directory.Delete(recursive: true);
    }
}

static async Task<double> TimeAsync<T>(ServiceProvider services, (string Id, ClaimsPrincipal Principal) user, IRequest<T> request, Func<T, bool> expected)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext =
        new DefaultHttpContext { User = user.Principal, RequestServices = scope.ServiceProvider };
    var watch = Stopwatch.StartNew();
    var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    watch.Stop();
    if (!expected(result)) throw new InvalidOperationException($"{request.GetType().Name} did not do what the benchmark expects.");
    return watch.Elapsed.TotalSeconds;
}

static async Task<ServiceProvider> StartAsync(string directory)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(directory, "app.db")}",
        ["Email:PickupDirectory"] = Path.Combine(directory, "mail"),
        ["DataProtection:KeysDirectory"] = Path.Combine(directory, "keys"),
        ["Admin:Email"] = "owner@bench.local",
        ["Admin:Password"] = "Bench-Owner-Pass-42!",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddSingleton(TimeProvider.System);
    services.AddApplication();
    services.AddInfrastructure(configuration, directory);
    services.AddIdentityCore<AppUser>(IdentitySetup.Configure).AddRoles<IdentityRole>()
        .AddEntityFrameworkStores<AppDbContext>().AddDefaultTokenProviders();
    var provider = services.BuildServiceProvider();
    await DatabaseInitializer.InitializeAsync(provider, CancellationToken.None);
    return provider;
}

static async Task<(string, ClaimsPrincipal)> CreateConsultantAsync(ServiceProvider services)
{
    await using var scope = services.CreateSystemScope();
    var id = await scope.ServiceProvider.GetRequiredService<IUserAccounts>()
        .CreateAsync("importer@bench.local", UserRole.Consultant, "Bench-Consultant-42!", CancellationToken.None);
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    db.UserProfiles.Add(new UserProfile(id, "importer@bench.local", "Importer", "Europe/London", UserRole.Consultant, DateTime.UtcNow));
    await db.SaveChangesAsync();
    var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Role, Roles.Consultant)], "Benchmark"));
    return (id, principal);
}

static byte[] ImportFile(int rows, string phonePrefix)
{
    string[] countries = ["India", "Nigeria", "Pakistan", "Egypt", "Philippines", "Brazil", "Iran", "Mexico"];
    string[] zones = ["Asia/Kolkata", "Africa/Lagos", "Asia/Karachi", "Africa/Cairo", "Asia/Manila", "America/Sao_Paulo", "Asia/Tehran", "America/Mexico_City"];
    var text = new StringBuilder(string.Join(",", Consultancy.Application.Clients.ClientCsv.Headers)).Append("\r\n");
    for (var n = 0; n < rows; n++)
    {
        var c = n % countries.Length;
        text.Append($"Applicant{n},Bench{n % 97},applicant{n}@import.bench,{phonePrefix} {n:0000000},{countries[c]},{zones[c]},")
            .Append($"Medical College {n % 50},{countries[c]},{2015 + n % 10},Non-US IMG,{countries[c]},J-1,")
            .Append($"Pass,2024-03-0{1 + n % 9},1,{200 + n % 70},2025-01-1{n % 10},1,Not taken,Not taken,,Not taken,Pass,2025-06-0{1 + n % 9},")
            .Append($"IELTS 8,Certified,\"observership: Medical Center {n % 40}, Chicago: {1 + n % 3}\",")
            .Append($"ERAS/NRMP,ERAS 2028,\"Internal Medicine, Pediatrics\",{40 + n % 60},Website,\"priority,{(n % 2 == 0 ? "img" : "visa")}\",Applied,\r\n");
    }
    return Encoding.UTF8.GetBytes(text.ToString());
}
