using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionsManage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AttachedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaDocuments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_AgendaItemId_DocumentId",
                table: "AgendaDocuments",
                columns: new[] { "AgendaItemId", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaDocuments_DocumentId",
                table: "AgendaDocuments",
                column: "DocumentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaDocuments");
        }
    }
}
