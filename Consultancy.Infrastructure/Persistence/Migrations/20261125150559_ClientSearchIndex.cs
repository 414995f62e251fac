using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// A trigram full-text index over Clients.SearchText, so the client list's substring search reads the
    /// matching clients instead of testing every client. External-content FTS5 table, kept in step by triggers.
    /// </summary>
    public partial class ClientSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ClientSearch USING fts5(SearchText, content='Clients', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Clients_SearchInsert AFTER INSERT ON Clients BEGIN
                    INSERT INTO ClientSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Clients_SearchDelete AFTER DELETE ON Clients BEGIN
                    INSERT INTO ClientSearch(ClientSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Clients_SearchUpdate AFTER UPDATE OF SearchText ON Clients BEGIN
                    INSERT INTO ClientSearch(ClientSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                    INSERT INTO ClientSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ClientSearch(ClientSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Clients_SearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER Clients_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER Clients_SearchInsert;");
            migrationBuilder.Sql("DROP TABLE ClientSearch;");
        }
    }
}
