package rules

import (
	"strings"

	"github.com/hotpath-app/hotpath/parsers"
)

// Recognising a MongoDB call by the bson documents it is given, for
// receivers whose type this file cannot see (a *mongo.Collection field
// declared in another file of the package):
//
//	s.rooms.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$addToSet": …})
//
// The driver's collection and database methods take a context first and
// the filter, update, document or pipeline after it; an in-memory method
// of the same name is not given bson documents.

// sapiMongoMethods are the mongo-driver Collection and Database methods
// that send a document to the server.
var sapiMongoMethods = map[string]bool{
	"Find": true, "FindOne": true, "FindOneAndUpdate": true, "FindOneAndReplace": true, "FindOneAndDelete": true,
	"InsertOne": true, "InsertMany": true, "UpdateOne": true, "UpdateMany": true, "UpdateByID": true,
	"ReplaceOne": true, "DeleteOne": true, "DeleteMany": true, "Aggregate": true, "CountDocuments": true,
	"Distinct": true, "BulkWrite": true, "Watch": true, "RunCommand": true, "RunCommandCursor": true,
}

// sapiSendsBSON reports whether a method call with a driver method's name
// passes, after its first argument (the context), a bson document: a
// bson.M/D/A/E (or primitive.M/D/A) literal or mongo.Pipeline literal, or
// a local variable bound to one, in a file that imports the bson package.
func (s *sapiGo) sapiSendsBSON(call parsers.Node, method string) bool {
	if !sapiMongoMethods[method] {
		return false
	}
	args := hpArgs(call)
	if len(args) < 2 || !cwtGoIsContext(args[0]) {
		return false
	}
	docs, pipeline := s.bsonPackages()
	if len(docs) == 0 {
		return false
	}
	for _, a := range args[1:] {
		if s.bsonDoc(a, docs, pipeline, 0) {
			return true
		}
	}
	return false
}

// bsonPackages returns the local names of the imported bson packages (bson,
// bson/primitive) and of the mongo package.
func (s *sapiGo) bsonPackages() (docs map[string]bool, mongo string) {
	for local, im := range s.fs.imports {
		m := im.Module
		if !strings.HasPrefix(m, "go.mongodb.org/mongo-driver") {
			continue
		}
		switch {
		case strings.HasSuffix(m, "/bson"), strings.HasSuffix(m, "/bson/primitive"):
			if docs == nil {
				docs = map[string]bool{}
			}
			docs[local] = true
		case strings.HasSuffix(m, "/mongo"):
			mongo = local
		}
	}
	return docs, mongo
}

// bsonDoc reports whether e is a bson document literal, or a variable
// declared in this file with one as its value.
func (s *sapiGo) bsonDoc(e parsers.Node, docs map[string]bool, mongo string, depth int) bool {
	if depth > 3 || e.IsNull() {
		return false
	}
	e = Unparen(e)
	if e.Type() == "unary_expression" && e.Field("operator").Type() == "&" {
		e = Unparen(e.Field("operand"))
	}
	switch e.Type() {
	case "composite_literal":
		t := Unparen(e.Field("type"))
		if t.Type() != "qualified_type" {
			return false
		}
		pkg, name := t.Field("package").Text(), t.Field("name").Text()
		if docs[pkg] {
			return name == "M" || name == "D" || name == "A" || name == "E"
		}
		return mongo != "" && pkg == mongo && name == "Pipeline"
	case "identifier":
		if d, ok := s.fs.Resolve(e); ok && d.Kind == VarDecl && !d.Init.IsNull() {
			return s.bsonDoc(d.Init, docs, mongo, depth+1)
		}
	}
	return false
}
